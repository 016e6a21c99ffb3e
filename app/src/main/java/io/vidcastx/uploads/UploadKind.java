package io.vidcastx.uploads;

/** How the bytes arrive: the TUS protocol, or Mux-style direct upload URLs (one PUT or Content-Range chunks). */
public enum UploadKind {
    TUS,
    DIRECT
}
