package com.newsapi.seed;

import com.newsapi.model.Author;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The author box after "More from Author": the author's "Name, Role" line (often repeated) and a
 * bio paragraph, in one run of lines. The name and bio become the article's author; none of it is body.
 *
 * @param end the index of the first line after the box
 */
record AuthorBox(Optional<Author> author, int end) {

    static final int MAX_NAME_LINE_WORDS = 10;

    static AuthorBox read(List<String> lines, int start) {
        int i = start;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        String nameLine = null;
        List<String> bio = new ArrayList<>();
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String line = lines.get(i);
            boolean shortLine = PageLines.words(line) <= MAX_NAME_LINE_WORDS && !PageLines.endsSentence(line);
            if (nameLine == null && shortLine) {
                nameLine = line;
            } else if (!line.equals(nameLine)) {
                bio.add(line);
            }
        }
        if (nameLine == null) {
            return new AuthorBox(Optional.empty(), i);
        }
        String name = nameLine.split(",", 2)[0].strip();
        return new AuthorBox(Optional.of(new Author(name, bio.isEmpty() ? null : String.join(" ", bio))), i);
    }
}
