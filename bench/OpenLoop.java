import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: requests are due at a fixed arrival rate whatever the answers do, and each latency is
 * measured from the moment the request was due, not from when it was sent, so a stalled server shows in the
 * percentiles instead of quietly lowering the rate (the "coordinated omission" a closed loop suffers).
 *
 * <pre>java bench/OpenLoop.java RATE SECONDS TOKEN URL-OR-@FILE [WARMUP-SECONDS [CONNECTIONS]]</pre>
 *
 * <p>As wrk2 does it: a fixed set of keep-alive HTTP/1.1 connections (32 unless given), one blocking thread each, all
 * taking the next due time from one shared schedule. A connection whose request is late sends at once, and the wait
 * counts in that request's latency. Plain sockets and a minimal HTTP/1.1 reader, not {@code java.net.http}: on two
 * cores shared with the service, the JDK client's own CPU (about as much as the service's at 1,200 requests/s) and
 * its unbounded connection opening under a stall were most of the latency measured.
 *
 * <p>With {@code @FILE}, every request takes a random line of the file as its URL (all on one host and port).
 * Prints one line: {@code RESULT rate=… sent=… ok=… non2xx=… errors=… p50=… p90=… p99=… max=…} (milliseconds).
 */
public final class OpenLoop {

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: java bench/OpenLoop.java RATE SECONDS TOKEN URL-OR-@FILE [WARMUP-SECONDS [CONNECTIONS]]");
      System.exit(2);
    }
    double rate = Double.parseDouble(args[0]);
    int seconds = Integer.parseInt(args[1]);
    String token = args[2];
    List<URI> urls = (args[3].startsWith("@") ? Files.readAllLines(Path.of(args[3].substring(1))) : List.of(args[3]))
        .stream().filter(line -> !line.isBlank()).map(URI::create).toList();
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    int connections = args.length > 5 ? Integer.parseInt(args[5]) : 32;

    Load warm = new Load(rate, warmup, token, urls, connections);
    warm.run();
    Load measured = new Load(rate, seconds, token, urls, connections);
    measured.run();
    System.out.println(measured.report());
    System.exit(0);
  }

  /** One run: {@code total} requests due every {@code interval} ns from {@code start}, over a fixed connection set. */
  private static final class Load {
    private final int total;
    private final long interval;
    private final String token;
    private final List<URI> urls;
    private final int connections;
    private final long[] latencies;
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger non2xx = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private long start;
    private long lastSent;

    Load(double rate, int seconds, String token, List<URI> urls, int connections) {
      this.total = (int) Math.round(rate * seconds);
      this.interval = (long) (1_000_000_000L / rate);
      this.token = token;
      this.urls = urls;
      this.connections = connections;
      this.latencies = new long[total];
    }

    void run() throws InterruptedException {
      start = System.nanoTime() + 50_000_000L;
      Thread[] threads = new Thread[connections];
      for (int c = 0; c < connections; c++) {
        threads[c] = new Thread(this::connection, "open-loop-" + c); // platform threads: runs on Java 17 too
        threads[c].setDaemon(true);
        threads[c].start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
    }

    /** Takes due times off the shared schedule until it runs out, reconnecting after any failure. */
    private void connection() {
      Http http = null;
      long slot;
      while ((slot = next.getAndIncrement()) < total) {
        long due = start + slot * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        URI url = urls.get(urls.size() == 1 ? 0 : ThreadLocalRandom.current().nextInt(urls.size()));
        try {
          if (http == null) {
            http = new Http(url);
          }
          int status = http.get(url, token);
          (status / 100 == 2 ? ok : non2xx).incrementAndGet();
          if (!http.keepAlive) {
            http.close();
            http = null;
          }
        } catch (IOException e) {
          errors.incrementAndGet();
          if (http != null) {
            http.close();
            http = null;
          }
        }
        long now = System.nanoTime();
        latencies[(int) slot] = now - due;
        synchronized (this) {
          lastSent = Math.max(lastSent, now);
        }
      }
      if (http != null) {
        http.close();
      }
    }

    String report() {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      double took = (lastSent - start) / 1e9; // from the first due time to the last answer
      return String.format(Locale.ROOT,
          "RESULT rate=%.1f sent=%d ok=%d non2xx=%d errors=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f",
          total / took, total, ok.get(), non2xx.get(), errors.get(), ms(sorted, 50), ms(sorted, 90), ms(sorted, 99),
          sorted[total - 1] / 1e6);
    }

    private static double ms(long[] sorted, double percentile) {
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  /** One keep-alive HTTP/1.1 connection: a GET, then the status, the headers and the body (length or chunked). */
  private static final class Http {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    boolean keepAlive = true;

    Http(URI url) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      host = url.getHost() + ":" + url.getPort();
    }

    int get(URI url, String token) throws IOException {
      String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
          + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      long length = -1;
      boolean chunked = false;
      keepAlive = true;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          keepAlive = false;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";", 2)[0].trim(), 16); size > 0;
            size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length > 0) {
        skip(length);
      } else if (length < 0) {
        keepAlive = false; // a body to the end of the connection
      }
      return status;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed mid-response");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    private void skip(long bytes) throws IOException {
      for (long left = bytes; left > 0; ) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed mid-body");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private OpenLoop() {}
}
