"""Stage 2: decoded text -> list[Block]. One segmenter per input kind; all produce Blocks."""
