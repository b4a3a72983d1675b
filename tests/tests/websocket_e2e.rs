//! Every sendable named code of an application table crosses a real WebSocket close handshake on
//! 127.0.0.1 (tungstenite) and comes back as the variant the server sent.

use closecodes_tests::ChatCode;

#[test]
fn every_sendable_named_code_survives_the_wire() {
    let sendable: Vec<ChatCode> = ChatCode::ALL
        .iter()
        .copied()
        .filter(|c| c.is_sendable())
        .collect();
    assert_eq!(
        sendable.len(),
        15,
        "12 registry codes and 3 application codes"
    );
    let mut exchanged = 0;
    for sent in sendable {
        let reason = sent.reason().unwrap_or("");
        let received = closecodes_demo::exchange(sent.as_u16(), reason).unwrap();
        if sent == ChatCode::Gateway {
            // tungstenite 0.30 treats 1014 (registered after RFC 6455) as invalid on receipt and
            // reports a 1002 protocol error instead; closecodes accepts it, as the IANA registry does.
            assert_eq!(received, Ok((1002, "Protocol violation".to_owned())));
            assert_eq!(ChatCode::from_wire(1014), Ok(ChatCode::Gateway));
            continue;
        }
        let (code, text) = received.unwrap_or_else(|e| panic!("{sent}: {e}"));
        assert_eq!(ChatCode::from_wire(code), Ok(sent), "{sent}");
        assert_eq!(text, reason);
        exchanged += 1;
    }
    assert_eq!(exchanged, 14);
}

#[test]
fn codes_that_are_never_sent_are_rejected_on_receipt() {
    for value in [1004_u16, 1005, 1006, 1015, 2000, 999, 5000] {
        let err = ChatCode::from_wire(value).unwrap_err();
        assert_eq!(err.value(), value);
    }
}
