//! `#[close_codes(convert = "...")]` and `try_convert`: conversions into the types users already
//! have, for both macro forms, and closes over loopback with each real library — tungstenite
//! (sync), an axum 0.8 server with a tokio-tungstenite client, tokio-websockets — where the server
//! closes with an application code through `.into()` and the client maps it back.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tungstenite::protocol::frame::coding::CloseCode as TungsteniteCode;

closecodes::close_codes! {
    /// A chat table converting into tungstenite's, tokio-websockets' and axum's close codes.
    #[close_codes(convert = "tungstenite::protocol::frame::coding::CloseCode")]
    #[close_codes(try_convert = "tokio_websockets::CloseCode")]
    #[derive(Hash)]
    pub enum ChatCode = r#"
        extends = "websocket"
        [[code]]
        code = 4001
        name = "Unauthorized"
        reason = "Unauthorized"
        description = "The client did not log in."
        [[code]]
        code = 4008
        name = "RateLimited"
        reason = "Rate Limited"
        description = "Too many messages."
    "#;
}

closecodes::close_codes! {
    /// The built-in HTTP table, with nginx's 499, converting into `http::StatusCode`.
    #[close_codes(try_convert = "http::StatusCode")]
    pub enum Status = r#"
        extends = "http"
        [[code]]
        code = 499
        name = "ClientClosedRequest"
        reason = "Client Closed Request"
        description = "nginx: the client closed the connection before the response."
    "#;
}

/// The derive takes the same options; a partial table converts back with `TryFrom`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, closecodes::CloseCodes)]
#[close_codes(
    extends = "websocket",
    convert = "tungstenite::protocol::frame::coding::CloseCode"
)]
pub enum Derived {
    /// The client did not log in.
    #[code(4001)]
    Unauthorized,
    /// Any other private code.
    #[codes("4000..=4999")]
    Other(u16),
}

#[test]
fn conversions_go_through_the_number_both_ways() {
    for value in 0..=u16::MAX {
        let ours = ChatCode::from_u16(value);
        let theirs = TungsteniteCode::from(ours);
        assert_eq!(u16::from(theirs), value);
        assert_eq!(ChatCode::from(theirs), ours);
        match tokio_websockets::CloseCode::try_from(value) {
            Ok(code) => {
                assert_eq!(tokio_websockets::CloseCode::try_from(ours).ok(), Some(code));
                assert_eq!(ChatCode::from(code), ours);
            }
            Err(_) => assert!(
                tokio_websockets::CloseCode::try_from(ours).is_err(),
                "{value}"
            ),
        }
    }
    assert_eq!(
        TungsteniteCode::from(ChatCode::RateLimited),
        TungsteniteCode::Library(4008)
    );

    assert_eq!(
        http::StatusCode::try_from(Status::NotFound).ok(),
        Some(http::StatusCode::NOT_FOUND)
    );
    let nginx = http::StatusCode::from_u16(499).expect("a status");
    assert_eq!(Status::try_from(nginx), Ok(Status::ClientClosedRequest));
    let unknown = http::StatusCode::from_u16(799).expect("http takes 100..=999");
    assert!(Status::try_from(unknown).is_err());

    assert_eq!(
        TungsteniteCode::from(Derived::Unauthorized),
        TungsteniteCode::Library(4001)
    );
    assert_eq!(
        Derived::try_from(TungsteniteCode::Library(4100)),
        Ok(Derived::Other(4100))
    );
    assert!(Derived::try_from(TungsteniteCode::Normal).is_err());
}

#[test]
fn tungstenite_sync_closes_with_an_application_code() {
    use std::net::{TcpListener, TcpStream};
    use tungstenite::Message;
    use tungstenite::protocol::CloseFrame;

    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let addr = listener.local_addr().expect("an address");
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("a timeout");
        let mut ws = tungstenite::accept(stream).expect("handshakes");
        let frame = CloseFrame {
            code: ChatCode::RateLimited.into(),
            reason: "slow down".into(),
        };
        ws.close(Some(frame)).expect("closes");
        while ws.read().is_ok() {}
    });
    let stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("a timeout");
    let (mut ws, _) = tungstenite::client(format!("ws://{addr}/"), stream).expect("handshakes");
    let received = loop {
        match ws.read() {
            Ok(Message::Close(Some(frame))) => break ChatCode::from(frame.code),
            Ok(_) => {}
            Err(e) => panic!("no close frame: {e}"),
        }
    };
    drop(ws);
    server.join().expect("the server ends");
    assert_eq!(received, ChatCode::RateLimited);
}

/// An axum 0.8 server that closes every WebSocket with `ChatCode::Unauthorized`, and a
/// tokio-tungstenite client that maps the close back.
#[tokio::test]
async fn axum_server_and_tokio_tungstenite_client() {
    use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};

    async fn close(mut socket: WebSocket) {
        let frame = CloseFrame {
            code: ChatCode::Unauthorized.into(),
            reason: "log in first".into(),
        };
        let _ = socket.send(Message::Close(Some(frame))).await;
    }
    let app = axum::Router::new().route(
        "/ws",
        axum::routing::any(|upgrade: WebSocketUpgrade| async move { upgrade.on_upgrade(close) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, app).await });

    let (mut ws, _) = tokio::time::timeout(
        Duration::from_secs(5),
        tokio_tungstenite::connect_async(format!("ws://{addr}/ws")),
    )
    .await
    .expect("in time")
    .expect("connects");
    let received = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(message) = ws.next().await {
            if let Ok(tungstenite::Message::Close(Some(frame))) = message {
                return Some(ChatCode::from(frame.code));
            }
        }
        None
    })
    .await
    .expect("in time");
    assert_eq!(received, Some(ChatCode::Unauthorized));
}

/// A tokio-websockets server and client: the server closes with `ChatCode::RateLimited`
/// converted by `try_into`, the client maps it back.
#[tokio::test]
async fn tokio_websockets_server_and_client() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        let (stream, _) = listener.accept().await.expect("accepts");
        let (_request, mut ws) = tokio_websockets::ServerBuilder::new()
            .accept(stream)
            .await
            .expect("handshakes");
        let code: tokio_websockets::CloseCode =
            ChatCode::RateLimited.try_into().expect("4008 may be sent");
        let _ = ws
            .send(tokio_websockets::Message::close(Some(code), "slow down"))
            .await;
        while ws.next().await.is_some() {}
    });
    let uri = http::Uri::try_from(format!("ws://{addr}/")).expect("a URI");
    let (mut ws, _) = tokio::time::timeout(
        Duration::from_secs(5),
        tokio_websockets::ClientBuilder::from_uri(uri).connect(),
    )
    .await
    .expect("in time")
    .expect("connects");
    let received = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(Ok(message)) = ws.next().await {
            if let Some((code, _reason)) = message.as_close() {
                return Some(ChatCode::from(code));
            }
        }
        None
    })
    .await
    .expect("in time");
    assert_eq!(received, Some(ChatCode::RateLimited));
}
