package io.github.streamjpa.demo.people;

/**
 * Who is signed in: the session attribute holding the person's id. The demo has no passwords; "sign
 * in as" stores a seeded person's id here.
 */
public final class SignedIn {

  /** The session attribute holding the signed-in person's id. */
  public static final String SESSION_KEY = "personId";

  private SignedIn() {}

  /**
   * Returns the signed-in person's id.
   *
   * @throws SignInRequiredException when nobody is signed in
   */
  public static long require(Long personId) {
    if (personId == null) {
      throw new SignInRequiredException();
    }
    return personId;
  }
}
