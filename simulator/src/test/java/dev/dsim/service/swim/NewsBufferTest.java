package dev.dsim.service.swim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The gossip buffer: bounded retransmissions, one piece per member, least sent first. */
final class NewsBufferTest {

  @Test
  void eachPiece_goesOutItsNumberOfTimes_thenIsDropped() {
    NewsBuffer b = new NewsBuffer(3);
    b.add(4, MemberState.suspected(0));
    for (int i = 0; i < 3; i++) {
      assertThat(b.next()).containsExactly(NewsBuffer.pack(4, MemberState.suspected(0)));
    }
    assertThat(b.next()).isEmpty();
    assertThat(b.size()).isZero();
  }

  @Test
  void newerNewsOfAMember_replacesTheOlder_andStartsAgain() {
    NewsBuffer b = new NewsBuffer(2);
    b.add(1, MemberState.suspected(0));
    b.next();
    b.add(1, MemberState.alive(1));
    assertThat(b.size()).isEqualTo(1);
    assertThat(b.next()).containsExactly(NewsBuffer.pack(1, MemberState.alive(1)));
    assertThat(b.next()).containsExactly(NewsBuffer.pack(1, MemberState.alive(1)));
    assertThat(b.next()).isEmpty();
  }

  @Test
  void theLeastSentGoFirst_oldestAmongEquals() {
    NewsBuffer b = new NewsBuffer(100);
    for (int m = 0; m < NewsBuffer.PER_MESSAGE; m++) {
      b.add(m, MemberState.alive(1));
    }
    b.next(); // all six sent once
    b.add(50, MemberState.alive(1));
    b.add(51, MemberState.alive(1));
    long[] next = b.next();
    assertThat(NewsBuffer.member(next[0])).isEqualTo(50);
    assertThat(NewsBuffer.member(next[1])).isEqualTo(51);
    assertThat(NewsBuffer.member(next[2])).isZero();
  }

  @Property
  void everyPiece_isSentExactlyItsRetransmissions(@ForAll @IntRange(min = 1, max = 40) int pieces,
      @ForAll @IntRange(min = 1, max = 9) int retransmissions) {
    NewsBuffer b = new NewsBuffer(retransmissions);
    for (int m = 0; m < pieces; m++) {
      b.add(m, MemberState.suspected(m));
    }
    int[] sent = new int[pieces];
    List<long[]> messages = new ArrayList<>();
    for (long[] next = b.next(); next.length > 0; next = b.next()) {
      messages.add(next);
      assertThat(next.length).isLessThanOrEqualTo(NewsBuffer.PER_MESSAGE);
      for (long piece : next) {
        assertThat(NewsBuffer.rank(piece)).isEqualTo(MemberState.suspected(NewsBuffer.member(piece)));
        sent[NewsBuffer.member(piece)]++;
      }
    }
    for (int m = 0; m < pieces; m++) {
      assertThat(sent[m]).isEqualTo(retransmissions);
    }
  }

  @Property
  void ranks_orderNewsAsSwimsRulesDo(@ForAll @IntRange(min = 0, max = 1000) int i,
      @ForAll @IntRange(min = 0, max = 1000) int j) {
    // Suspected at i overrides alive at j iff i >= j; alive at i overrides suspected at j iff i > j.
    assertThat(MemberState.suspected(i) > MemberState.alive(j)).isEqualTo(i >= j);
    assertThat(MemberState.alive(i) > MemberState.suspected(j)).isEqualTo(i > j);
    assertThat(MemberState.incarnation(MemberState.suspected(i))).isEqualTo(i);
    assertThat(MemberState.isSuspected(MemberState.alive(i))).isFalse();
  }
}
