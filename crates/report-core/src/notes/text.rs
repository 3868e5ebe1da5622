//! What the reader is told about notes, in Chinese: every message of notes.js, word for word,
//! and the labels that carry a count. (The messages of an import and of its summary are made
//! by [`ImportError::message`](super::ImportError::message) and
//! [`ImportSummary::message`](super::ImportSummary::message).)

/// Saving refused: no storage, or the damaged data that could not be kept aside is in the way.
pub const SAVE_REFUSED: &str = "本机无法保存意见（浏览器不允许保存数据），请先导出。";
/// Saving failed: storage full.
pub const STORAGE_FULL: &str = "本机存储已满，意见没有保存，请先导出。";
/// 删除 pressed once (it asks once more).
pub const CONFIRM_DELETE: &str = "再按一次“确认删除”即删除这条意见。";
/// A note deleted.
pub const DELETED: &str = "意见已删除。";
/// 确认删除 let go (Esc).
pub const NOT_DELETED: &str = "没有删除。";
/// A note changed.
pub const EDITED: &str = "意见已修改。";
/// The editor closed with words in it that were not saved: they are kept for the next time.
pub const DRAFT_KEPT: &str = "意见没有保存；写下的文字留着，再按“写意见”或“编辑”可以接着写。";
/// A new note saved.
pub const SAVED: &str = "意见已保存。";
/// 保存 with nothing written.
pub const EMPTY_NOTE: &str = "请先写下意见，再按保存。";
/// A note over the longest text (new: notes.js let the editor's `maxlength` prevent it).
pub const TOO_LONG: &str = "意见太长（最多20000字），没有保存。";
/// Changing a note that is no longer there (new: notes.js could not meet it).
pub const NOT_FOUND: &str = "这条意见已不在本机，没有修改。";
/// A new note that could not be made valid (new: notes.js could not meet it).
pub const NOT_SAVED: &str = "意见没有保存，请再试一次。";
/// Under the editor.
pub const EDITOR_HINT: &str =
    "意见只保存在这台设备的浏览器里，不会发送到任何地方。可以在“我的意见”里导出。";
/// The editor's title for a new note.
pub const NEW_NOTE_TITLE: &str = "写审议意见";
/// The editor's title for a note being changed.
pub const EDIT_NOTE_TITLE: &str = "修改审议意见";
/// 我的意见 with no notes.
pub const NO_NOTES: &str = "还没有意见。";
/// Under the title of the detached notes.
pub const DETACHED_INTRO: &str =
    "这些意见所引的原文不在本页的报告里（报告可能已更换或修改）。意见本身都保留着，也会一起导出。";
/// In 我的意见 while damaged data is kept aside.
pub const DAMAGED_NOTICE: &str = "这台设备上保存的一份意见数据无法读取（可能已损坏，或由更新版本的程序写入）。原始数据没有删除，可以存成文件保留。";
/// Once, on the page, when stored data could not be read on this load.
pub const DAMAGED_ALERT: &str =
    "这台设备上保存的审议意见数据无法完整读取（可能已损坏）。原始数据已另存，没有删除。";
/// The label of the region of [`DAMAGED_ALERT`].
pub const DAMAGED_ALERT_LABEL: &str = "审议意见数据";
/// 不再保留 pressed.
pub const DAMAGED_CLEARED: &str = "原始数据已清除。";
/// 复制全部文字 refused by the browser: the text is shown selected.
pub const COPY_BY_HAND: &str = "无法自动复制：文字已选中，请按 Ctrl+C 或长按复制。";
/// An import over the size limit.
pub const IMPORT_TOO_LARGE: &str = "这个文件太大（超过5MB），不是意见文件。";
/// An import the browser could not read.
pub const IMPORT_UNREADABLE: &str = "导入失败：文件无法读取。";
/// An import that is not JSON.
pub const IMPORT_NOT_JSON: &str =
    "导入失败：这不是意见的 JSON 文件（内容无法读取）。本机的意见没有改动。";
/// An import without a `notes` array.
pub const IMPORT_NO_NOTES: &str = "导入失败：文件里没有意见。本机的意见没有改动。";

/// 复制全部文字 done.
pub fn copied(count: usize) -> String {
    format!("已复制全部意见（{count}条），可以粘贴到消息或文档里。")
}

/// The label of the 我的意见 buttons: "我的意见（3）", plain "我的意见" with none.
pub fn opener_label(count: usize) -> String {
    if count == 0 {
        "我的意见".into()
    } else {
        format!("我的意见（{count}）")
    }
}

/// The title of 我的意见: "我的意见（3条）".
pub fn panel_title(count: usize) -> String {
    format!("我的意见（{count}条）")
}

/// The line under the title of 我的意见.
pub fn panel_intro(title: &str) -> String {
    format!("《{title}》的审议意见，只保存在这台设备的浏览器里。在正文段落下按“写意见”添加。")
}

/// The title of the detached notes: "原文中找不到的意见（2条）".
pub fn detached_title(count: usize) -> String {
    format!("原文中找不到的意见（{count}条）")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_limits_in_words_are_the_limits() {
        assert!(super::TOO_LONG.contains(&super::super::MAX_TEXT.to_string()));
        assert_eq!(super::super::MAX_IMPORT_BYTES, 5 * 1024 * 1024);
        assert!(super::IMPORT_TOO_LARGE.contains("5MB"));
    }
}
