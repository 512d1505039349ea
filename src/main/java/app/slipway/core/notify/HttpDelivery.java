package app.slipway.core.notify;

import app.slipway.core.SlipwayException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * POSTs a JSON body for the HTTP channels. Failures are told by channel and host, never with the
 * URL (a webhook's path is often its secret) or the exception's text (which may repeat the URL).
 */
final class HttpDelivery {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private HttpDelivery() {}

    /** "host" or "host:port" of a URL, for describing a channel. */
    static String host(URI url) {
        return url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    static void postJson(String channel, URI url, Map<String, String> headers, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notification as JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "slipway")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw SlipwayException.refused(channel + " cannot be reached (" + why(e)
                    + "): check its url in notify.yml and the network.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SlipwayException.refused(channel + " was not notified: Slipway was interrupted.");
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String hint = status == 401 || status == 403 ? "check its token in notify.yml" : "check its url in notify.yml";
            throw SlipwayException.refused(channel + " answered HTTP " + status + ": " + hint + ".");
        }
    }

    private static String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) return "no connection in time";
        if (e instanceof HttpTimeoutException) return "no answer in time";
        if (e instanceof ConnectException) return "connection refused";
        if (e instanceof UnknownHostException) return "unknown host";
        if (e instanceof SSLException) return "TLS failed";
        return "the connection failed";
    }
}
