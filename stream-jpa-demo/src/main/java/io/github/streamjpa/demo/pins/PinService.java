package io.github.streamjpa.demo.pins;

import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and saves pins; stream-jpa writes their activities after each commit. */
@Service
public class PinService {

  private final PersonRepository people;
  private final BoardRepository boards;
  private final PinRepository pins;

  PinService(PersonRepository people, BoardRepository boards, PinRepository pins) {
    this.people = people;
    this.boards = boards;
    this.pins = pins;
  }

  /**
   * Creates a pin of {@code authorId} from a validated form, on the chosen board or a new one.
   *
   * @throws IllegalArgumentException when the chosen board is not the author's
   */
  @Transactional
  public Pin create(long authorId, PinForm form) {
    Person author = person(authorId);
    Board board =
        form.wantsNewBoard()
            ? boards.save(new Board(author, form.getNewBoard().strip()))
            : ownBoard(form.getBoardId(), authorId);
    return pins.save(new Pin(author, board, form.getTitle().strip(), form.getImageUrl().strip()));
  }

  /**
   * Saves a copy of someone else's pin to one of {@code saverId}'s boards.
   *
   * @throws IllegalArgumentException when the pin is the saver's own or the board is not theirs
   * @throws NotFoundException when the pin does not exist
   */
  @Transactional
  public Pin save(long saverId, long pinId, long boardId) {
    Pin original = pins.findById(pinId).orElseThrow(() -> new NotFoundException("pin " + pinId));
    if (original.getAuthor().getId() == saverId) {
      throw new IllegalArgumentException("pin " + pinId + " is already yours");
    }
    return pins.save(Pin.savedCopy(original, person(saverId), ownBoard(boardId, saverId)));
  }

  private Board ownBoard(Long boardId, long ownerId) {
    return boards
        .findOwned(boardId, ownerId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "board " + boardId + " is not a board of person " + ownerId));
  }

  private Person person(long id) {
    return people.findById(id).orElseThrow(() -> new NotFoundException("person " + id));
  }
}
