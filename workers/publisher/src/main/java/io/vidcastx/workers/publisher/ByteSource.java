package io.vidcastx.workers.publisher;

import java.io.IOException;
import java.io.InputStream;

/** The bytes to upload, readable from any offset (a storage object read with a Range). */
interface ByteSource {

    long length();

    InputStream openAt(long offset) throws IOException;
}
