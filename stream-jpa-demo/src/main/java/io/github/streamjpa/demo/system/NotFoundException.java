package io.github.streamjpa.demo.system;

/** A page asked for something that does not exist; shown as a 404 page with the message. */
public class NotFoundException extends RuntimeException {

  /** Creates the exception for {@code what} (e.g. "person 42"). */
  public NotFoundException(String what) {
    super(what + " does not exist");
  }
}
