package dev.dsim.service.swim;

import dev.dsim.engine.TraceFields;
import dev.dsim.world.Sized;
import dev.dsim.world.TraceContent;
import dev.dsim.world.TraceSummary;

/**
 * The messages of the SWIM protocol. Members are named by their index in the group. Each
 * message carries a few pieces of news ({@code news}: {@link NewsBuffer#pack packed} member and
 * {@link MemberState rank}) for the receiver to take in: the dissemination rides on the
 * probing, and costs no message of its own.
 */
public final class SwimMessages {
  private SwimMessages() {}

  /** Wire size of a message without news, and of each piece of news. */
  private static final int HEADER_BYTES = 32;
  private static final int NEWS_BYTES = 8;

  private static int size(long[] news) {
    return HEADER_BYTES + NEWS_BYTES * news.length;
  }

  /**
   * "Are you alive?", from the prober ({@code origin}) or from a member that pings on its
   * behalf. {@code targetRank} is what the sender believes of the target: a target that learns
   * it is suspected refutes it before it acknowledges.
   */
  public record Ping(long seq, int origin, int target, int targetRank, long[] news)
      implements TraceSummary, TraceContent, Sized {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq).field("origin", origin).field("target", target)
          .field("news", news.length);
    }

    @Override
    public int sizeBytes() {
      return size(news);
    }
  }

  /** "Please ping {@code target} for me": the prober's direct ping went unanswered. */
  public record PingReq(long seq, int target, int targetRank, long[] news)
      implements TraceSummary, TraceContent, Sized {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq).field("target", target).field("news", news.length);
    }

    @Override
    public int sizeBytes() {
      return size(news);
    }
  }

  /**
   * "{@code target} is alive at {@code targetRank}", for the probe {@code seq} of
   * {@code origin}: sent by the target, and passed on by a member that pinged it on the origin's
   * behalf.
   */
  public record Ack(long seq, int origin, int target, int targetRank, long[] news)
      implements TraceSummary, TraceContent, Sized {
    @Override
    public long traceSummary() {
      return seq;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("seq", seq).field("origin", origin).field("target", target)
          .field("news", news.length);
    }

    @Override
    public int sizeBytes() {
      return size(news);
    }
  }

  /**
   * A member that restarted asks one other for its whole view, so that it does not believe alive
   * a member whose failure was news long before it came back.
   */
  public record ViewRequest() implements TraceSummary, TraceContent, Sized {
    @Override
    public long traceSummary() {
      return 0;
    }

    @Override
    public void traceFields(TraceFields out) {}

    @Override
    public int sizeBytes() {
      return HEADER_BYTES;
    }
  }

  /** The sender's rank of every member, by index. */
  public record View(int[] ranks) implements TraceSummary, TraceContent, Sized {
    @Override
    public long traceSummary() {
      return ranks.length;
    }

    @Override
    public void traceFields(TraceFields out) {
      out.field("members", ranks.length);
    }

    @Override
    public int sizeBytes() {
      return HEADER_BYTES + 4 * ranks.length;
    }
  }
}
