//! Markdown bodies to safe HTML, once, when content is loaded.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::model::Html;

/// Renders a Markdown body and removes from it anything that could run in a visitor's
/// browser (scripts, styles, event handlers, `javascript:` links), so an editor's raw HTML
/// can never inject script. Headings move one level down: the page's own title is the one
/// `<h1>`, so a body's `# Heading` becomes an `<h2>`.
pub fn render(markdown: &str) -> Html {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: lower(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    Html::sanitized(ammonia::clean(&unsafe_html))
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
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
        assert!(intro.as_str().starts_with("<h2>") && rest.is_empty());
    }

    #[test]
    fn headings_sit_below_the_page_title() {
        assert_eq!(render("# One\n## Two").as_str(), "<h2>One</h2>\n<h3>Two</h3>\n");
    }

    #[test]
    fn site_relative_links_move_under_a_base_path() {
        let html = render("[Contact](/contact), [elsewhere](https://example.org/x) and [protocol](//cdn.example/x)");
        let rebased = html.under_prefix("/research");
        assert!(rebased.as_str().contains("href=\"/research/contact\""), "{}", rebased.as_str());
        assert!(rebased.as_str().contains("href=\"https://example.org/x\""));
        assert!(rebased.as_str().contains("href=\"//cdn.example/x\""), "{}", rebased.as_str());
        assert_eq!(html.under_prefix("").as_str(), html.as_str());
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
