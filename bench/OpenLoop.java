import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: requests are sent at a fixed arrival rate whatever the answers do, and each latency is
 * measured from the moment the request was due, not from when it was sent, so a stalled server shows in the
 * percentiles instead of quietly lowering the rate (the "coordinated omission" a closed loop suffers).
 *
 * <pre>java bench/OpenLoop.java RATE SECONDS TOKEN URL-OR-@FILE [WARMUP-SECONDS]</pre>
 *
 * With {@code @FILE}, every request takes a random line of the file as its URL. Prints one line:
 * {@code RESULT rate=… sent=… ok=… non2xx=… errors=… p50=… p90=… p99=… max=…} (milliseconds).
 */
public final class OpenLoop {

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: java bench/OpenLoop.java RATE SECONDS TOKEN URL-OR-@FILE [WARMUP-SECONDS]");
      System.exit(2);
    }
    double rate = Double.parseDouble(args[0]);
    int seconds = Integer.parseInt(args[1]);
    String token = args[2];
    List<String> urls = args[3].startsWith("@") ? Files.readAllLines(Path.of(args[3].substring(1))) : List.of(args[3]);
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    run(client, token, urls, rate, warmup, false);
    run(client, token, urls, rate, seconds, true);
    System.exit(0);
  }

  private static void run(HttpClient client, String token, List<String> urls, double rate, int seconds,
      boolean report) throws InterruptedException {
    int total = (int) Math.round(rate * seconds);
    long[] latencies = new long[total];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger non2xx = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long interval = (long) (1_000_000_000L / rate);
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      String url = urls.get(urls.size() == 1 ? 0 : ThreadLocalRandom.current().nextInt(urls.size()));
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
        latencies[slot] = System.nanoTime() - due;
        if (failure != null) {
          errors.incrementAndGet();
        } else if (response.statusCode() / 100 == 2) {
          ok.incrementAndGet();
        } else {
          non2xx.incrementAndGet();
        }
        done.countDown();
      });
    }
    long sentIn = System.nanoTime() - start;
    done.await();
    if (!report) {
      return;
    }
    Arrays.sort(latencies);
    System.out.printf("RESULT rate=%.1f sent=%d ok=%d non2xx=%d errors=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f%n",
        total / (sentIn / 1e9), total, ok.get(), non2xx.get(), errors.get(), ms(latencies, 50), ms(latencies, 90),
        ms(latencies, 99), latencies[total - 1] / 1e6);
  }

  private static double ms(long[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private OpenLoop() {}
}
