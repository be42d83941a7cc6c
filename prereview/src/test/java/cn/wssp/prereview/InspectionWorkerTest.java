package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's protocol, served in this JVM: when it answers and when it retires. */
class InspectionWorkerTest {
  @TempDir
  Path dir;

  /** The answers' statuses to three files; {@code heapFull} stands for WorkerHeap's verdict. */
  private List<Integer> statuses(boolean heapFull) throws Exception {
    PreReviewer.Options options = PreReviewer.Options.defaults().withOcrEnabled(false)
        .withTempDir(dir);
    Path input = Files.write(dir.resolve("license.pdf"), Samples.pdf(1));
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(requests);
    message(out, IsolatedInspector.configuration(options));
    for (int i = 0; i < 3; i++) {
      message(out, IsolatedInspector.request(input, "营业执照.pdf", Files.size(input), 1 << 20));
    }
    ByteArrayOutputStream answers = new ByteArrayOutputStream();
    assertEquals(0, InspectionWorker.serve(
        new DataInputStream(new ByteArrayInputStream(requests.toByteArray())),
        new DataOutputStream(answers), () -> heapFull));
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(answers.toByteArray()));
    assertEquals(WorkerPool.READY, in.readInt());
    List<Integer> statuses = new ArrayList<>();
    while (in.available() > 0) {
      statuses.add(in.readInt());
      in.skipNBytes(in.readInt()); // the serialised Inspection
    }
    return statuses;
  }

  private static void message(DataOutputStream out, byte[] message) throws IOException {
    out.writeInt(message.length);
    out.write(message);
  }

  @Test
  void aWorkerServesFileAfterFileUntilItsInputEnds() throws Exception {
    assertEquals(List.of(WorkerPool.OK, WorkerPool.OK, WorkerPool.OK), statuses(false));
  }

  @Test
  void aWorkerWhoseHeapIsFullRetiresAfterAnsweringTheFileInHand() throws Exception {
    assertEquals(List.of(WorkerPool.OK_RETIRING), statuses(true));
  }
}
