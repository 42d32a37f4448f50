#ifndef IKI_CEDITLINE_SHIM_H
#define IKI_CEDITLINE_SHIM_H

// libedit's native API (histedit.h), with small wrappers for what Swift cannot call: el_set,
// el_get and history are C varargs functions, and stdio's streams are mutable globals.

#include <stdio.h>
#include <histedit.h>

typedef char *(*iki_prompt_fn)(EditLine *);
typedef unsigned char (*iki_key_fn)(EditLine *, int);

static inline EditLine *iki_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline FILE *iki_stdout(void) { return stdout; }

static inline int iki_el_set_prompt(EditLine *el, iki_prompt_fn prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int iki_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int iki_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

// Turns off ISIG while libedit edits a line, so Ctrl-C reaches it as a key instead of SIGINT
// (see LineEditor.swift for why a signal handler is no way to abandon the line).
static inline int iki_el_keys_not_signals(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL);
}

static inline int iki_el_add_function(EditLine *el, const char *name, const char *help, iki_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int iki_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

static inline int iki_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int iki_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *iki_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int iki_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int iki_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int iki_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

static inline int iki_history_load(History *h, const char *file) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, file);
}

static inline int iki_history_save(History *h, const char *file) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, file);
}

// Most recent entry, or NULL when the history is empty.
static inline const char *iki_history_first(History *h) {
    HistEvent ev;
    return history(h, &ev, H_FIRST) == 0 ? ev.str : NULL;
}

#endif
