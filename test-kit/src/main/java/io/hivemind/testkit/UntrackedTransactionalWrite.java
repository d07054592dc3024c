package io.hivemind.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Makes a hanging transaction the way KIP-664 describes one: a transactional write that lands on a
 * partition the transaction coordinator never heard was added to the transaction, so the
 * coordinator never writes its marker, the coordinator's timeout never aborts it, and the
 * partition's last stable offset stays behind it until someone aborts it from outside.
 *
 * <p>Today's brokers refuse such a write (they check it with the coordinator first, KIP-890), so
 * this sends a pre-KIP-890 produce request (version 11, the protocol of transaction version 1)
 * while the broker's {@code transaction.partition.verification.enable} is switched off for the
 * moment of the write (a dynamic, cluster-wide setting; restored before returning). That is the
 * hole old clients and brokers had; issue 13's hanging transaction came from another door (not
 * reproduced: ADR 14), but leaves the partition and the coordinator in the same state.
 */
public final class UntrackedTransactionalWrite {

  private static final String VERIFICATION = "transaction.partition.verification.enable";

  private UntrackedTransactionalWrite() {}

  /**
   * Writes {@code value} to {@code partition} as the first record of a transaction of producer
   * {@code producerId} at {@code producerEpoch}, behind the coordinator's back. The producer must
   * not have written to the partition at that epoch before (its sequence starts at 0).
   */
  public static void write(
      KafkaStack stack,
      TopicPartition partition,
      String transactionalId,
      long producerId,
      short producerEpoch,
      long timestamp,
      byte[] value) {
    try (Admin admin = stack.admin()) {
      setVerification(admin, false);
      try {
        send(
            stack.bootstrapServers(),
            partition,
            transactionalId,
            producerId,
            producerEpoch,
            timestamp,
            value);
      } finally {
        setVerification(admin, true);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not write to " + partition, e);
    }
  }

  private static void setVerification(Admin admin, boolean enabled) {
    ConfigResource cluster = new ConfigResource(ConfigResource.Type.BROKER, "");
    AlterConfigOp op =
        enabled
            ? new AlterConfigOp(new ConfigEntry(VERIFICATION, ""), AlterConfigOp.OpType.DELETE)
            : new AlterConfigOp(new ConfigEntry(VERIFICATION, "false"), AlterConfigOp.OpType.SET);
    try {
      admin
          .incrementalAlterConfigs(java.util.Map.of(cluster, List.of(op)))
          .all()
          .get(30, TimeUnit.SECONDS);
      // The broker applies a dynamic setting when it reads it back from the metadata log.
      org.awaitility.Awaitility.await(VERIFICATION + "=" + enabled)
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> verification(admin) == enabled);
    } catch (Exception e) {
      throw new IllegalStateException("could not set " + VERIFICATION + " to " + enabled, e);
    }
  }

  private static boolean verification(Admin admin) throws Exception {
    String node =
        admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next().idString();
    ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
    return Boolean.parseBoolean(
        admin
            .describeConfigs(List.of(broker))
            .all()
            .get(30, TimeUnit.SECONDS)
            .get(broker)
            .get(VERIFICATION)
            .value());
  }

  private static void send(
      String bootstrapServers,
      TopicPartition partition,
      String transactionalId,
      long producerId,
      short producerEpoch,
      long timestamp,
      byte[] value)
      throws IOException {
    MemoryRecords records =
        MemoryRecords.withTransactionalRecords(
            Compression.NONE,
            producerId,
            producerEpoch,
            0,
            new SimpleRecord(timestamp, null, value));
    ProduceRequestData data =
        new ProduceRequestData()
            .setAcks((short) -1)
            .setTimeoutMs(30_000)
            .setTransactionalId(transactionalId);
    ProduceRequestData.TopicProduceData topic =
        new ProduceRequestData.TopicProduceData().setName(partition.topic());
    topic
        .partitionData()
        .add(
            new ProduceRequestData.PartitionProduceData()
                .setIndex(partition.partition())
                .setRecords(records));
    data.topicData().add(topic);
    short version = ProduceRequest.LAST_STABLE_VERSION_BEFORE_TRANSACTION_V2;
    ProduceRequest request = ProduceRequest.builder(data).build(version);
    RequestHeader header = new RequestHeader(ApiKeys.PRODUCE, version, "hanging-maker", 1);
    ByteBuffer bytes = request.serializeWithHeader(header);

    String[] hostPort = bootstrapServers.split(",")[0].split(":");
    try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      socket.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(bytes.remaining());
      out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] answer = new byte[in.readInt()];
      in.readFully(answer);
      ProduceResponse response =
          (ProduceResponse) ProduceResponse.parseResponse(ByteBuffer.wrap(answer), header);
      Errors error =
          Errors.forCode(
              response
                  .data()
                  .responses()
                  .iterator()
                  .next()
                  .partitionResponses()
                  .get(0)
                  .errorCode());
      if (error != Errors.NONE) {
        throw new IllegalStateException(
            "the broker refused the write to " + partition + ": " + error);
      }
    }
  }
}
