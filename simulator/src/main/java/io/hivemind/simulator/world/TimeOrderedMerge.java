package io.hivemind.simulator.world;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Merges iterators that are each in order into one in order, holding one element per source. Ties
 * go to the source listed first, so the merge is deterministic.
 */
final class TimeOrderedMerge<T> implements Iterator<T> {

  private record Head<T>(T element, int source) {}

  private final List<? extends Iterator<T>> sources;
  private final PriorityQueue<Head<T>> heads;

  TimeOrderedMerge(List<? extends Iterator<T>> sources, Comparator<T> order) {
    this.sources = sources;
    Comparator<Head<T>> byElement = Comparator.comparing(Head::element, order);
    this.heads = new PriorityQueue<>(byElement.thenComparingInt(Head::source));
    for (int i = 0; i < sources.size(); i++) {
      pull(i);
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public T next() {
    Head<T> head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    pull(head.source());
    return head.element();
  }

  private void pull(int source) {
    Iterator<T> iterator = sources.get(source);
    if (iterator.hasNext()) {
      heads.add(new Head<>(iterator.next(), source));
    }
  }
}
