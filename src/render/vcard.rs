//! A person's contact card, `/people/{slug}.vcf`, for visitors to add them to their phone.

use super::{Phone, Urls, Words};
use crate::link::Site;
use crate::model::Person;

/// A person's vCard 4.0 (RFC 6350), for a phone's contacts app: name, title, organisation,
/// every email and phone, and the person's page; roles in the interface's `words`.
pub fn vcard(site: &Site, urls: &Urls, words: &Words, person: &Person) -> String {
    let family = person.family_name();
    let given = match person.name.strip_suffix(family) {
        Some(given) => given.trim(),
        None => person.name.rsplit_once(' ').map_or("", |(given, _)| given),
    };
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:4.0".to_owned(),
        format!("FN:{}", escape(&person.name)),
        format!("N:{};{};;;", escape(family), escape(given)),
    ];
    if let Some(title) = &person.title {
        lines.push(format!("TITLE:{}", escape(title)));
    }
    for affiliation in &person.affiliations {
        let org: Vec<String> =
            [&affiliation.institution, &affiliation.department].into_iter().flatten().map(|s| escape(s)).collect();
        if !org.is_empty() {
            lines.push(format!("ORG:{}", org.join(";")));
        }
    }
    for email in &person.emails {
        lines.push(format!("EMAIL;TYPE=work:{}", escape(email)));
    }
    for phone in &person.phones {
        lines.push(format!("TEL;VALUE=uri;TYPE=\"voice,work\":{}", Phone::new(phone).uri()));
    }
    for (group, role) in site.groups_of_person(person) {
        let host = group.host.as_deref().map(escape);
        let org = [host, Some(escape(&group.name))].into_iter().flatten().collect::<Vec<_>>().join(";");
        lines.push(format!("ORG:{org}"));
        lines.push(format!("ROLE:{}", escape(&words.role(role))));
    }
    lines.push(format!("URL:{}", urls.absolute_of(person)));
    lines.push("END:VCARD".to_owned());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// Escapes a text value: backslash, comma, semicolon and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character, ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, fold};

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(escape("Research, Inc; a\\b"), "Research\\, Inc\\; a\\\\b");
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let line = format!("ORG:{}", "ø".repeat(60));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }
}
