#include <pocketsphinx.h>

/* PocketSphinx 5prealpha (Debian 12) and 5.0 (Homebrew) differ in how a
 * decoder is configured and how a grammar is added; these three functions
 * are the one face Stillpoint uses for either. `argv` is a program name, then
 * pairs of "-name" "value", as on a command line. The 5.0 branch is written
 * from its header and has not been built here. */
#if __has_include(<pocketsphinx/endpointer.h>)
typedef ps_config_t stillpoint_ps_config_t;

static inline stillpoint_ps_config_t *stillpoint_ps_config(int argc, char **argv) {
    ps_config_t *config = ps_config_init(NULL);
    if (config == NULL) return NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (ps_config_set_str(config, argv[i] + 1, argv[i + 1]) == NULL) {
            ps_config_free(config);
            return NULL;
        }
    }
    return config;
}

static inline void stillpoint_ps_config_free(stillpoint_ps_config_t *config) { ps_config_free(config); }

static inline int stillpoint_ps_use_jsgf(ps_decoder_t *ps, const char *name, const char *jsgf) {
    if (ps_add_jsgf_string(ps, name, jsgf) != 0) return -1;
    return ps_activate_search(ps, name);
}
#else
typedef cmd_ln_t stillpoint_ps_config_t;

static inline stillpoint_ps_config_t *stillpoint_ps_config(int argc, char **argv) {
    return cmd_ln_parse_r(NULL, ps_args(), argc, argv, 1);
}

static inline void stillpoint_ps_config_free(stillpoint_ps_config_t *config) { cmd_ln_free_r(config); }

static inline int stillpoint_ps_use_jsgf(ps_decoder_t *ps, const char *name, const char *jsgf) {
    if (ps_set_jsgf_string(ps, name, jsgf) != 0) return -1;
    return ps_set_search(ps, name);
}
#endif
