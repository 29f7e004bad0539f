package dev.dsim.examples.abd;

import dev.dsim.examples.abd.AbdRegister.Query;
import dev.dsim.examples.abd.AbdRegister.QueryReply;
import dev.dsim.examples.abd.AbdRegister.Store;
import dev.dsim.examples.abd.AbdRegister.StoreAck;
import dev.dsim.examples.abd.AbdRegister.Tag;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;

/**
 * An ABD replica: answers queries with its tag and value, and adopts stores with higher tags.
 * That is all it does; the clients do the protocol. State in memory only: the example never
 * crashes a replica.
 */
final class AbdReplica implements Process {
  private Tag tag = Tag.INITIAL;
  private long value;

  @Override
  public void onMessage(Context ctx, Message message) {
    if (message.payload() instanceof Query q) {
      ctx.send(message.from(), new QueryReply(q.opId(), tag, value));
    } else if (message.payload() instanceof Store s) {
      // Never go back to an older tag: a slow store from a finished operation must not undo
      // a newer one.
      if (s.tag().compareTo(tag) > 0) {
        tag = s.tag();
        value = s.value();
      }
      ctx.send(message.from(), new StoreAck(s.opId()));
    }
  }
}
