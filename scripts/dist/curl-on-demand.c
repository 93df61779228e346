/*
 * libcurl, loaded when first called: the link-time stand-in for -lcurl in `make static-release`.
 *
 * FoundationNetworking (URLSession) is linked into the static binary because the preview server's
 * HTTP library (FlyingFox) has a proxy handler built on URLSession; Almanac never uses it, but the
 * linker cannot drop it (its protocol conformance is a GC root). FoundationNetworking's C layer
 * calls the 23 libcurl functions below. Linking them from this archive instead of libcurl.so means
 * the binary does not list libcurl.so.4 (and its ~30 libraries) as NEEDED: it starts on a Debian
 * machine without libcurl4. If anything ever calls URLSession, the first call opens libcurl.so.4
 * and forwards to it; without libcurl4 installed it stops with a message saying so.
 *
 * Signatures follow curl/curl.h and curl/urlapi.h (libcurl 7.62 and later); the enums are ints.
 * The variadic setopt/getinfo calls pass on their single argument with the type curl itself reads
 * for that option (CURLOPTTYPE_* ranges), so every value arrives as it would without this file.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef void CURL;
typedef void CURLM;
typedef void CURLU;
typedef int curl_socket_t;
typedef long long curl_off_t;
struct curl_slist;
typedef struct CURLMsg CURLMsg;
typedef struct curl_version_info_data curl_version_info_data;

static void *libcurl;
static pthread_once_t libcurl_once = PTHREAD_ONCE_INIT;

static void open_libcurl(void) {
    libcurl = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
}

static void *curl_symbol(const char *name) {
    pthread_once(&libcurl_once, open_libcurl);
    if (libcurl == NULL) {
        fprintf(stderr, "almanac: %s needs libcurl (Debian: apt-get install libcurl4): %s\n", name, dlerror());
        abort();
    }
    void *symbol = dlsym(libcurl, name);
    if (symbol == NULL) {
        fprintf(stderr, "almanac: libcurl.so.4 has no %s: %s\n", name, dlerror());
        abort();
    }
    return symbol;
}

/* `REAL(curl_easy_init, CURL *(*)(void))` declares `real`, libcurl's own curl_easy_init. dlsym is
 * thread-safe and these calls are never hot (Almanac makes none), so nothing is cached. */
#define REAL(name, type) __typeof__(type) real = (type)curl_symbol(#name)

/* The type bases of CURLoption and CURLMoption values (curl.h, multi.h). */
#define OPTTYPE_OBJECTPOINT 10000
#define OPTTYPE_OFF_T 30000
#define OPTTYPE_BLOB 40000

int curl_global_init(long flags) {
    REAL(curl_global_init, int (*)(long));
    return real(flags);
}

char *curl_version(void) {
    REAL(curl_version, char *(*)(void));
    return real();
}

curl_version_info_data *curl_version_info(int age) {
    REAL(curl_version_info, curl_version_info_data *(*)(int));
    return real(age);
}

void curl_free(void *p) {
    REAL(curl_free, void (*)(void *));
    real(p);
}

CURL *curl_easy_init(void) {
    REAL(curl_easy_init, CURL *(*)(void));
    return real();
}

void curl_easy_cleanup(CURL *handle) {
    REAL(curl_easy_cleanup, void (*)(CURL *));
    real(handle);
}

int curl_easy_setopt(CURL *handle, int option, ...) {
    REAL(curl_easy_setopt, int (*)(CURL *, int, ...));
    va_list args;
    va_start(args, option);
    int result;
    if (option < OPTTYPE_OBJECTPOINT) {
        result = real(handle, option, va_arg(args, long));
    } else if (option >= OPTTYPE_OFF_T && option < OPTTYPE_BLOB) {
        result = real(handle, option, va_arg(args, curl_off_t));
    } else {
        result = real(handle, option, va_arg(args, void *));
    }
    va_end(args);
    return result;
}

int curl_easy_getinfo(CURL *handle, int info, ...) {
    REAL(curl_easy_getinfo, int (*)(CURL *, int, ...));
    va_list args;
    va_start(args, info);
    void *out = va_arg(args, void *); /* every CURLINFO takes a pointer to where the value goes */
    va_end(args);
    return real(handle, info, out);
}

int curl_easy_pause(CURL *handle, int bitmask) {
    REAL(curl_easy_pause, int (*)(CURL *, int));
    return real(handle, bitmask);
}

const char *curl_easy_strerror(int code) {
    REAL(curl_easy_strerror, const char *(*)(int));
    return real(code);
}

CURLM *curl_multi_init(void) {
    REAL(curl_multi_init, CURLM *(*)(void));
    return real();
}

int curl_multi_cleanup(CURLM *multi) {
    REAL(curl_multi_cleanup, int (*)(CURLM *));
    return real(multi);
}

int curl_multi_add_handle(CURLM *multi, CURL *handle) {
    REAL(curl_multi_add_handle, int (*)(CURLM *, CURL *));
    return real(multi, handle);
}

int curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    REAL(curl_multi_remove_handle, int (*)(CURLM *, CURL *));
    return real(multi, handle);
}

int curl_multi_assign(CURLM *multi, curl_socket_t socket, void *pointer) {
    REAL(curl_multi_assign, int (*)(CURLM *, curl_socket_t, void *));
    return real(multi, socket, pointer);
}

int curl_multi_setopt(CURLM *multi, int option, ...) {
    REAL(curl_multi_setopt, int (*)(CURLM *, int, ...));
    va_list args;
    va_start(args, option);
    int result;
    if (option < OPTTYPE_OBJECTPOINT) {
        result = real(multi, option, va_arg(args, long));
    } else if (option >= OPTTYPE_OFF_T && option < OPTTYPE_BLOB) {
        result = real(multi, option, va_arg(args, curl_off_t));
    } else {
        result = real(multi, option, va_arg(args, void *));
    }
    va_end(args);
    return result;
}

int curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int events, int *running) {
    REAL(curl_multi_socket_action, int (*)(CURLM *, curl_socket_t, int, int *));
    return real(multi, socket, events, running);
}

CURLMsg *curl_multi_info_read(CURLM *multi, int *remaining) {
    REAL(curl_multi_info_read, CURLMsg *(*)(CURLM *, int *));
    return real(multi, remaining);
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *string) {
    REAL(curl_slist_append, struct curl_slist *(*)(struct curl_slist *, const char *));
    return real(list, string);
}

void curl_slist_free_all(struct curl_slist *list) {
    REAL(curl_slist_free_all, void (*)(struct curl_slist *));
    real(list);
}

CURLU *curl_url(void) {
    REAL(curl_url, CURLU *(*)(void));
    return real();
}

int curl_url_get(const CURLU *url, int part, char **value, unsigned int flags) {
    REAL(curl_url_get, int (*)(const CURLU *, int, char **, unsigned int));
    return real(url, part, value, flags);
}

int curl_url_set(CURLU *url, int part, const char *value, unsigned int flags) {
    REAL(curl_url_set, int (*)(CURLU *, int, const char *, unsigned int));
    return real(url, part, value, flags);
}
