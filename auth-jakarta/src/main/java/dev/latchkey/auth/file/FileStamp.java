package dev.latchkey.auth.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What identifies one version of a file on disk: modification time, size and file key (the inode on POSIX). The size
 * and the file key catch a replacement within the file system's timestamp granularity, such as an atomic
 * rename-over written in the same second.
 */
public record FileStamp(long modifiedNanos, long size, Object fileKey) {

    /**
     * @return the file's current stamp, or empty when it does not exist
     * @throws IOException when its attributes cannot be read
     */
    public static Optional<FileStamp> of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
