//! A made-up full-length report, generated: parts, subsections, items, themes and points, and
//! figures of every common form, about one per hundred characters as in real reports. Shared by
//! the import benchmark and the end-to-end timing of opening a report in the browser.

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// A made-up report of about `parts × 3 × 4` paragraphs with figures in every paragraph.
pub fn generated_report(parts: usize) -> String {
    let mut out = String::from("二〇三〇年某市政府工作报告\n——2030年1月10日在某市第一届人民代表大会第一次会议上\n市长　某某\n各位代表：\n　　现在，我代表市人民政府，向大会报告工作，请予审议。\n");
    let mut n = 1u32;
    for p in 0..parts {
        out.push_str(&format!(
            "　　{}、第{}部分工作回顾\n",
            NUMERALS[p % 10],
            p + 1
        ));
        out.push_str(
            "　　过去一年，我们坚持稳中求进，主要做了以下工作：一是稳增长。全年完成地区生产总值",
        );
        out.push_str(&format!(
            "{}.{}亿元，同比增长{}.{}%。二是促改革。新增经营主体{}余户。\n",
            100 + p,
            n % 10,
            3 + p % 4,
            n % 9,
            1000 + n
        ));
        for (s, numeral) in NUMERALS.iter().enumerate().take(3) {
            out.push_str(&format!("　　（{numeral}）第{}项重点任务\n", s + 1));
            for i in 0..4 {
                n += 1;
                // About one figure per hundred characters, as in real reports.
                out.push_str(&format!(
                    "　　{}.推进第{}项工程。坚持以人民为中心的发展思想，统筹发展和安全，深化改革创新，完善体制机制，加强统筹协调，压实工作责任，推动各项政策措施落地见效。全年完成投资约{}万元，惠及群众数百人次。持续优化营商环境，深入推进简政放权，积极培育新动能，加快构建现代化产业体系，着力提升公共服务水平，切实增强人民群众的获得感、幸福感、安全感。力争增长{}%左右，比上年提高{}个百分点。\n",
                    i + 1, n, 1000 + n * 7, 5 + n % 3, n % 5 + 1
                ));
            }
        }
    }
    out.push_str("　　各位代表！让我们团结奋斗，努力完成全年目标任务！\n");
    out
}
