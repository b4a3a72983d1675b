//! The quick-start demo's WebSocket peers: a server and a client on 127.0.0.1 (tungstenite); the
//! server closes the connection with a given code, the client returns the close frame it received.
//!
//! `cargo run --example quickstart` runs the demo; the test suite uses the same exchange.

use std::error::Error;
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use tungstenite::Message;
use tungstenite::protocol::CloseFrame;
use tungstenite::protocol::frame::coding::CloseCode as WireCode;

/// What the client saw: the close frame's code and reason, or the error that ended the read.
pub type Received = Result<(u16, String), String>;

/// Opens a server on an ephemeral loopback port, connects a client, has the server close with
/// `code` and `reason`, and returns what the client read.
///
/// # Errors
///
/// When the sockets cannot be opened or the handshake fails.
pub fn exchange(code: u16, reason: &str) -> Result<Received, Box<dyn Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let reason = reason.to_owned();
    let server = thread::spawn(move || -> Result<(), String> {
        let (stream, _) = listener.accept().map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .map_err(|e| e.to_string())?;
        let mut ws = tungstenite::accept(stream).map_err(|e| e.to_string())?;
        let frame = CloseFrame {
            code: WireCode::from(code),
            reason: reason.into(),
        };
        ws.close(Some(frame)).map_err(|e| e.to_string())?;
        // Finish the closing handshake; the client's reply (or its hang-up) ends the loop.
        while ws.read().is_ok() {}
        Ok(())
    });

    let stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let (mut ws, _) = tungstenite::client(format!("ws://{addr}/"), stream)?;
    let received = loop {
        match ws.read() {
            Ok(Message::Close(Some(frame))) => {
                break Ok((u16::from(frame.code), frame.reason.to_string()));
            }
            Ok(Message::Close(None)) => break Err("close frame without a code".to_owned()),
            Ok(_) => {}
            Err(e) => break Err(e.to_string()),
        }
    };
    drop(ws);
    server.join().map_err(|_| "server thread panicked")??;
    Ok(received)
}
