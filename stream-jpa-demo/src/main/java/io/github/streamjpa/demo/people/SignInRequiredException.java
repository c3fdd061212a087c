package io.github.streamjpa.demo.people;

/** A page that needs a signed-in person was opened without one; answered by the sign-in page. */
public class SignInRequiredException extends RuntimeException {

  /** Creates the exception. */
  public SignInRequiredException() {
    super("sign in to see this page");
  }
}
