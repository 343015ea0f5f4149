//! A person's contact card, `/people/{slug}.vcf`, for visitors to add them to their phone.

use super::{Phone, Urls, Words};
use crate::link::Site;
use crate::model::Person;

/// A person's vCard 4.0 (RFC 6350), for a phone's contacts app: name, title, organisation,
/// every email and phone, and the person's page; roles in the interface's `words`.
///
/// Contacts tools that sync (vdir, CardDAV) need a `UID`: the person's page, which stays the same
/// from build to build, and a `REV`, the time the content last changed. Each organisation is a
/// property group (`item1.ORG`, `item1.ROLE`), so a person in two groups keeps each role with its
/// group.
pub fn vcard(site: &Site, urls: &Urls, words: &Words, person: &Person) -> String {
    let page = urls.absolute_of(person);
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:4.0".to_owned(),
        format!("UID:{page}"),
        format!("FN:{}", escape(&person.name)),
        format!("N:{};{};;;", escape(person.family_name()), escape(person.given_name().unwrap_or(""))),
    ];
    if let Some(title) = &person.title {
        lines.push(format!("TITLE:{}", escape(title)));
    }
    let mut groups = 0;
    let mut group = || {
        groups += 1;
        format!("item{groups}")
    };
    for affiliation in &person.affiliations {
        let org: Vec<String> =
            [&affiliation.institution, &affiliation.department].into_iter().flatten().map(|s| escape(s)).collect();
        if org.is_empty() {
            continue;
        }
        match &affiliation.title {
            Some(title) => {
                let item = group();
                lines.push(format!("{item}.ORG:{}", org.join(";")));
                lines.push(format!("{item}.TITLE:{}", escape(title)));
            }
            None => lines.push(format!("ORG:{}", org.join(";"))),
        }
    }
    for (membership, role) in site.groups_of_person(person, site.today(super::now())) {
        let host = membership.host.as_deref().map(escape);
        let org = [host, Some(escape(&membership.name))].into_iter().flatten().collect::<Vec<_>>().join(";");
        let item = group();
        lines.push(format!("{item}.ORG:{org}"));
        lines.push(format!("{item}.ROLE:{}", escape(&words.role(role))));
    }
    for email in &person.emails {
        lines.push(format!("EMAIL;TYPE=work:{}", escape(email)));
    }
    // TYPE's values are a comma-separated list, unquoted, so that parsers split them.
    for phone in &person.phones {
        lines.push(format!("TEL;VALUE=uri;TYPE=voice,work:{}", Phone::new(phone).uri()));
    }
    lines.push(format!("URL:{page}"));
    lines.push(format!("REV:{}", timestamp(site.modified)));
    lines.push("END:VCARD".to_owned());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// A time in vCard's timestamp form, UTC: `20261201T191516Z`.
fn timestamp(time: std::time::SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string().replace(['-', ':'], "")
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
    use super::{escape, fold, timestamp};

    #[test]
    fn timestamps_are_in_vcard_form() {
        let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_764_616_516);
        assert_eq!(timestamp(time), "20251201T191516Z");
    }

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
