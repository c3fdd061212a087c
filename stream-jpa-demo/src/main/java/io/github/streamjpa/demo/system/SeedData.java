package io.github.streamjpa.demo.system;

import io.github.streamjpa.demo.people.Follow;
import io.github.streamjpa.demo.people.FollowRepository;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.pins.Board;
import io.github.streamjpa.demo.pins.BoardRepository;
import io.github.streamjpa.demo.pins.Pin;
import io.github.streamjpa.demo.pins.PinRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with people, boards, pins and follows, so the first page is not empty.
 * Everything goes through JPA, so stream-jpa writes the activities and follows to the feeds like
 * any other change. Off with {@code demo.seed=false}.
 */
@Component
@ConditionalOnProperty(name = "demo.seed", havingValue = "true", matchIfMissing = true)
class SeedData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SeedData.class);

  private final PersonRepository people;
  private final BoardRepository boards;
  private final PinRepository pins;
  private final FollowRepository follows;

  SeedData(
      PersonRepository people,
      BoardRepository boards,
      PinRepository pins,
      FollowRepository follows) {
    this.people = people;
    this.boards = boards;
    this.pins = pins;
    this.follows = follows;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (people.count() > 0) {
      return;
    }
    Person ann = people.save(new Person("ann", "Ann Archer", "Mountains, maps and morning light."));
    Person bob = people.save(new Person("bob", "Bob Baker", "Bread, bikes and blue doors."));
    Person cleo = people.save(new Person("cleo", "Cleo Chen", "Collects colours."));
    Person dev = people.save(new Person("dev", "Dev Dutta", "Draws every day."));
    Person eli = people.save(new Person("eli", "Eli Evans", "New here."));

    Board annTravel = boards.save(new Board(ann, "Travel"));
    Board annHome = boards.save(new Board(ann, "Home"));
    Board bobFood = boards.save(new Board(bob, "Food"));
    Board bobRides = boards.save(new Board(bob, "Rides"));
    Board cleoColour = boards.save(new Board(cleo, "Colour"));
    Board devSketches = boards.save(new Board(dev, "Sketches"));
    boards.save(new Board(eli, "Ideas"));

    Pin sunrise = pins.save(new Pin(ann, annTravel, "Sunrise over the ridge", image("sunrise")));
    pins.save(new Pin(ann, annTravel, "Harbour at dusk", image("harbour")));
    pins.save(new Pin(ann, annHome, "A reading corner", image("reading")));
    pins.save(new Pin(bob, bobFood, "Sourdough, day three", image("bread")));
    pins.save(new Pin(bob, bobRides, "The blue door ride", image("door")));
    Pin palette = pins.save(new Pin(cleo, cleoColour, "Autumn palette", image("palette")));
    pins.save(new Pin(cleo, cleoColour, "Tiles of Lisbon", image("tiles")));
    pins.save(new Pin(dev, devSketches, "Ink study", image("ink")));
    pins.save(Pin.savedCopy(sunrise, cleo, cleoColour));
    pins.save(Pin.savedCopy(palette, ann, annHome));

    for (List<Person> pair :
        List.of(
            List.of(ann, bob),
            List.of(ann, cleo),
            List.of(bob, ann),
            List.of(cleo, ann),
            List.of(cleo, bob),
            List.of(dev, cleo))) {
      follows.save(new Follow(pair.get(0), pair.get(1)));
    }
    log.info(
        "Seeded {} people, {} boards and {} pins", people.count(), boards.count(), pins.count());
  }

  private static String image(String name) {
    return "/images/seed/" + name + ".svg";
  }
}
