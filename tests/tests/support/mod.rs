//! What the end-to-end tests of `wire.rs` and `clients.rs` share: the Rust side of the wire.

use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use tungstenite::protocol::CloseFrame;
use tungstenite::protocol::frame::coding::CloseCode as WireCode;

/// A tungstenite server on 127.0.0.1 that closes the `n`-th connection with `closes[n]`.
pub(crate) fn close_server(closes: Vec<(u16, String)>) -> (u16, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("has an address").port();
    let handle = thread::spawn(move || {
        for (code, reason) in closes {
            let (stream, _) = listener.accept().expect("accepts");
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .expect("sets a timeout");
            let mut ws = tungstenite::accept(stream).expect("handshakes");
            let frame = CloseFrame {
                code: WireCode::from(code),
                reason: reason.into(),
            };
            ws.close(Some(frame)).expect("closes");
            // Finish the closing handshake; the client's reply (or its hang-up) ends the loop.
            while ws.read().is_ok() {}
        }
    });
    (port, handle)
}
