package io.hivemind.schema;

import com.microsoft.kiota.RequestInformation;
import io.kiota.http.jdk.JDKRequestAdapter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Kiota's JDK request adapter with a timeout on every request, set where Apicurio's own adapters
 * add their authentication headers. A request that times out fails with {@code
 * HttpTimeoutException}.
 */
final class TimedRequestAdapter extends JDKRequestAdapter {

  private final Duration timeout;

  TimedRequestAdapter(HttpClient client, Duration timeout) {
    super(client);
    this.timeout = timeout;
  }

  @Override
  protected HttpRequest getRequestFromRequestInformation(RequestInformation requestInfo) {
    HttpRequest request = super.getRequestFromRequestInformation(requestInfo);
    return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
  }
}
