package io.github.streamjpa.demo.pins;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The "new pin" form: a title, an image URL and a board (an existing one or a new title). */
public class PinForm {

  @NotBlank(message = "Give the pin a title.")
  @Size(max = 100, message = "The title must be at most 100 characters.")
  private String title;

  @NotBlank(message = "Give the URL of an image.")
  @Size(max = 500, message = "The image URL must be at most 500 characters.")
  @Pattern(
      regexp = "https?://[^\\s/?#]+[^\\s]*",
      message = "The image URL must be an http:// or https:// address without spaces.")
  private String imageUrl;

  private Long boardId;

  @Size(max = 60, message = "The board title must be at most 60 characters.")
  private String newBoard;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getImageUrl() {
    return imageUrl;
  }

  public void setImageUrl(String imageUrl) {
    this.imageUrl = imageUrl;
  }

  public Long getBoardId() {
    return boardId;
  }

  public void setBoardId(Long boardId) {
    this.boardId = boardId;
  }

  public String getNewBoard() {
    return newBoard;
  }

  public void setNewBoard(String newBoard) {
    this.newBoard = newBoard;
  }

  /** Returns whether the form names a new board rather than an existing one. */
  public boolean wantsNewBoard() {
    return newBoard != null && !newBoard.isBlank();
  }

  /** Checked by validation: exactly one of an existing board or a new board title. */
  @AssertTrue(message = "Choose one of your boards or name a new one.")
  public boolean isBoardChosen() {
    return boardId != null || wantsNewBoard();
  }
}
