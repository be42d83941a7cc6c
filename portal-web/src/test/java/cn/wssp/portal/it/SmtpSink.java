package cn.wssp.portal.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal SMTP server on loopback that keeps every message it is given, raw. */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  final List<String> messages = new CopyOnWriteArrayList<>();

  SmtpSink() throws Exception {
    server = new ServerSocket(0);
    Thread t = new Thread(this::serve, "smtp-sink");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        converse(s);
      } catch (Exception e) {
        // a client went away; keep serving
      }
    }
  }

  private void converse(Socket s) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    OutputStream out = s.getOutputStream();
    say(out, "220 sink ESMTP");
    StringBuilder data = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (data != null) {
        if (line.equals(".")) {
          messages.add(data.toString());
          data = null;
          say(out, "250 queued");
        } else {
          data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
      } else if (line.startsWith("DATA")) {
        data = new StringBuilder();
        say(out, "354 go ahead");
      } else if (line.startsWith("QUIT")) {
        say(out, "221 bye");
        return;
      } else {
        say(out, "250 OK");
      }
    }
  }

  private static void say(OutputStream out, String reply) throws Exception {
    out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
