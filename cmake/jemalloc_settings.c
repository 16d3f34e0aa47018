/* jemalloc's settings for the programs that link it (see Dependencies.cmake): back its arenas and
 * its own metadata with transparent huge pages where the kernel allows them on request
 * (`madvise`, Debian's default). A run allocates a few hundred MB of short-lived syntax nodes and
 * strings; with 4 KB pages a warm run spent over half its time in page faults (perf: 0.27 s ->
 * 0.13 s on the scale-1 corpus, cold 3.7 s -> 3.6 s). MALLOC_CONF in the environment still wins. */
const char* malloc_conf = "thp:always,metadata_thp:always";
