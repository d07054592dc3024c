package io.hivemind.replay.log;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a replay reads of one topic: a slice of every partition. */
public record LogRange(
    @JsonProperty("topic") String topic,
    @JsonIgnore Source source,
    @JsonProperty("partitions") List<PartitionSlice> partitions) {

  public LogRange {
    partitions = List.copyOf(partitions);
  }

  @JsonIgnore
  public long size() {
    return partitions.stream().mapToLong(PartitionSlice::size).sum();
  }
}
