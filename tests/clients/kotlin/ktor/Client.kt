// The Ktor 3 client of tests/tests/clients.rs (Ktor's CIO engine from Maven Central, Kotlin 2): it
// names every close it receives through the generated file (see ../Report.kt).
import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.websocket.WebSockets
import io.ktor.client.plugins.websocket.webSocket
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout

fun closes(url: String, count: Int) {
    val client = HttpClient(CIO) { install(WebSockets) }
    runBlocking {
        repeat(count) {
            withTimeout(10_000) {
                client.webSocket(url) {
                    // The server sends nothing but its close frame.
                    for (frame in incoming) {
                        println(rejectedLine("a frame before the close: $frame"))
                    }
                    val reason = closeReason.await()
                    println(
                        if (reason == null) {
                            rejectedLine("the connection ended without a close frame")
                        } else {
                            closeLine(reason.code.toInt() and 0xFFFF, reason.message)
                        }
                    )
                }
            }
        }
    }
    client.close()
}

fun main(args: Array<String>) = clientMain(args, ::closes)
