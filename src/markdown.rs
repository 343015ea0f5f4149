//! Markdown bodies to safe HTML, once, when content is loaded.

use pulldown_cmark::{Options, Parser, html};

use crate::model::Html;

/// Renders a Markdown body and removes from it anything that could run in a visitor's
/// browser (scripts, styles, event handlers, `javascript:` links), so an editor's raw HTML
/// can never inject script.
pub fn render(markdown: &str) -> Html {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    Html::sanitized(ammonia::clean(&unsafe_html))
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(render("Some *words*.").as_str().trim(), "<p>Some <em>words</em>.</p>");
    }

    #[test]
    fn a_body_splits_after_its_first_paragraph() {
        let (intro, rest) = render("One.\n\nTwo.\n\nThree.").split_after_first_paragraph();
        assert_eq!(intro.as_str(), "<p>One.</p>\n");
        assert_eq!(rest.as_str(), "<p>Two.</p>\n<p>Three.</p>\n");
        let (intro, rest) = render("# Heading\n\nText.").split_after_first_paragraph();
        assert!(intro.as_str().starts_with("<h1>") && rest.is_empty());
    }

    #[test]
    fn raw_script_and_handlers_are_removed() {
        let html = render("Hi <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))");
        let html = html.as_str();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("Hi"), "{html}");
    }
}
