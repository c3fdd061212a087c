package io.github.streamjpa.jpa.outbox;

import io.github.streamjpa.jpa.Activity;
import io.github.streamjpa.jpa.model.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An activity mapped in {@code memo-orm.xml} alone, under the entity name {@code Note}: no
 * annotation tells its name or id, only the metamodel does. Relies on every {@link Activity}
 * default except the actor and the time.
 */
public class Memo implements Activity {
  private Long id;
  private User author;
  private Memo reply;
  private String text;
  private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  protected Memo() {}

  public Memo(long id, User author, String text) {
    this.id = id;
    this.author = author;
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public Memo replyingTo(Memo memo) {
    this.reply = memo;
    return this;
  }

  @Override
  public Object activityActor() {
    return author;
  }

  @Override
  public Object activityTarget() {
    return reply;
  }

  @Override
  public Instant activityTime() {
    return createdAt;
  }

  @Override
  public Map<String, Object> activityExtraData() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("text", text);
    extra.put("about", reply);
    return extra;
  }
}
