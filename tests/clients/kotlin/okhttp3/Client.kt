// The OkHttp 3 client of tests/tests/clients.rs (Debian's OkHttp 3.13, Kotlin 1.3): it names every
// close it receives through the generated file (see ../Report.kt).
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.Response
import okhttp3.WebSocket
import okhttp3.WebSocketListener

fun closes(url: String, count: Int) {
    val client = OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build()
    repeat(count) {
        val line = CompletableFuture<String>()
        val listener = object : WebSocketListener() {
            override fun onClosing(webSocket: WebSocket, code: Int, reason: String) {
                webSocket.close(1000, null)
                line.complete(closeLine(code, reason))
            }

            override fun onFailure(webSocket: WebSocket, t: Throwable, response: Response?) {
                // OkHttp 3.13 refuses to receive some registered codes (1012 to 1014).
                line.complete(rejectedLine(t.message))
            }
        }
        client.newWebSocket(Request.Builder().url(url).build(), listener)
        println(line.get(10, TimeUnit.SECONDS))
    }
    client.dispatcher().executorService().shutdown()
    client.connectionPool().evictAll()
}

fun main(args: Array<String>) = clientMain(args, ::closes)
