//! The HTTP status fixture: partial domain, class ranges, and reasons that match the IANA registry.

use closecodes::CodeTable;
use closecodes_tests::HttpStatus;

/// The IANA "HTTP Status Code Registry" names, typed in here independently of the TOML fixture.
const IANA: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (306, "(Unused)"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (418, "(Unused)"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended (OBSOLETED)"),
    (511, "Network Authentication Required"),
];

#[test]
fn reasons_match_the_iana_registry() {
    for &(code, name) in IANA {
        let status = HttpStatus::try_from(code).unwrap();
        assert_eq!(status.reason(), Some(name), "reason of {code}");
    }
    for value in 100..=999_u16 {
        let status = HttpStatus::try_from(value).unwrap();
        if !IANA.iter().any(|&(c, _)| c == value) {
            assert_eq!(
                status.reason(),
                None,
                "{value} is unassigned in the registry"
            );
        }
    }
}

#[test]
fn domain_is_100_to_999_with_one_range_per_class() {
    const { assert!(!<HttpStatus as CodeTable>::TOTAL) };
    assert!(HttpStatus::try_from(99).is_err());
    assert!(HttpStatus::try_from(1000).is_err());
    assert_eq!(HttpStatus::from_u16(404), Some(HttpStatus::NotFound));
    assert_eq!(
        HttpStatus::from_u16(499),
        Some(HttpStatus::ClientError(499))
    );
    assert_eq!(
        HttpStatus::from_u16(299).and_then(HttpStatus::range),
        Some("Successful")
    );
    assert_eq!(
        HttpStatus::from_u16(777),
        Some(HttpStatus::Unclassified(777))
    );
    assert_eq!(HttpStatus::Ok.to_string(), "200 OK");
    assert_eq!(
        HttpStatus::try_from(418).unwrap().to_string(),
        "418 (Unused)"
    );
    assert!(!HttpStatus::try_from(418).unwrap().is_sendable());
    assert_eq!("404 Not Found".parse(), Ok(HttpStatus::NotFound));
}
