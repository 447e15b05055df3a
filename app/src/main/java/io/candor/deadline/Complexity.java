package io.candor.deadline;

/** How complex a complaint is, where a jurisdiction allows complex cases longer (China); others ignore it. */
public enum Complexity {
    STANDARD, COMPLEX, ESPECIALLY_COMPLEX
}
