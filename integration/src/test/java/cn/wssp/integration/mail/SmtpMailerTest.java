package cn.wssp.integration.mail;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real SMTP dialogue against a minimal server in the test; Chinese text must survive. */
class SmtpMailerTest {

  /** Speaks just enough SMTP to accept one message and hands back its raw data. */
  static CompletableFuture<String> oneMessageServer(ServerSocket server) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept();
           BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
           PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.ISO_8859_1), true)) {
        out.print("220 test ESMTP\r\n");
        out.flush();
        StringBuilder data = new StringBuilder();
        String line;
        boolean inData = false;
        while ((line = in.readLine()) != null) {
          if (inData) {
            if (line.equals(".")) {
              inData = false;
              out.print("250 OK queued\r\n");
            } else {
              data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            }
          } else if (line.startsWith("EHLO") || line.startsWith("HELO")) {
            out.print("250 test\r\n");
          } else if (line.startsWith("DATA")) {
            inData = true;
            out.print("354 go ahead\r\n");
          } else if (line.startsWith("QUIT")) {
            out.print("221 bye\r\n");
            out.flush();
            break;
          } else {
            out.print("250 OK\r\n");
          }
          out.flush();
        }
        return data.toString();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  @Test
  void chineseSubjectAndBodyArrive() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<String> received = oneMessageServer(server);
      new SmtpMailer("127.0.0.1", server.getLocalPort(), "noreply@wssp.local")
          .send(new MailMessage("applicant@demo.example", "申请已受理（SQ2026000001）",
              "请下载《受理通知书》，承诺时限至 2026-12-07。"));
      String raw = received.get(10, TimeUnit.SECONDS);
      MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
      assertEquals("申请已受理（SQ2026000001）", parsed.getSubject());
      assertEquals("请下载《受理通知书》，承诺时限至 2026-12-07。", ((String) parsed.getContent()).trim());
      assertEquals("applicant@demo.example", parsed.getAllRecipients()[0].toString());
    }
  }

  @Test
  void anUnreachableServerIsReportedWithItsAddress() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    MailException e = assertThrows(MailException.class, () -> new SmtpMailer("127.0.0.1", closedPort,
        "noreply@wssp.local").send(new MailMessage("a@b.example", "主题", "正文")));
    assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
  }
}
