"""Writing files: atomically (:mod:`.atomic`), content YAML from models (:mod:`.dump`), and the
canonical formatting of content files (:mod:`.fmt`)."""
