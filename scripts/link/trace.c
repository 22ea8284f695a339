// Records which of hailuo's functions a run calls, for scripts/startup-order.sh (see
// docs/PERFORMANCE.md, "Start-up and memory, step by step"). A preloaded library, never linked in:
//
//   HAILUO_TRACE_EXE=BINARY HAILUO_TRACE_ENTRIES=FILE HAILUO_TRACE_OUT=PREFIX LD_PRELOAD=trace.so BINARY ...
//
// FILE holds "hex-address name" lines, sorted by address (`nm -n` of the unstripped BINARY). Before
// main, every listed function's first byte becomes an int3; the first call of each traps, appends
// the function's name to PREFIX.PID and puts the byte back, so each function costs one trap. Other
// programs the run starts (LD_PRELOAD is inherited) are left alone.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

static unsigned long base, textStart, textEnd;
static unsigned long *addresses;
static char **names;
static unsigned char *saved;
static long count;
static int out = -1;

static long find(unsigned long address) {
    long low = 0, high = count - 1;
    while (low <= high) {
        long middle = (low + high) / 2;
        if (addresses[middle] == address) return middle;
        if (addresses[middle] < address) low = middle + 1; else high = middle - 1;
    }
    return -1;
}

static void trapped(int signal, siginfo_t *info, void *context) {
    (void)signal; (void)info;
    ucontext_t *state = context;
    unsigned long pc = state->uc_mcontext.gregs[REG_RIP] - 1;
    long index = find(pc - base);
    if (index < 0) {
        static const char message[] = "trace: a SIGTRAP not at a traced function\n";
        write(2, message, sizeof message - 1);
        _exit(134);
    }
    if (*(unsigned char *)pc == 0xCC) *(unsigned char *)pc = saved[index];
    write(out, names[index], strlen(names[index]));
    write(out, "\n", 1);
    state->uc_mcontext.gregs[REG_RIP] = pc;
}

// The program must neither replace the handler nor block SIGTRAP on a thread or in a handler.
int sigaction(int signal, const struct sigaction *action, struct sigaction *old) {
    static int (*real)(int, const struct sigaction *, struct sigaction *);
    if (!real) real = dlsym(RTLD_NEXT, "sigaction");
    if (out >= 0 && signal == SIGTRAP && action && action->sa_sigaction != trapped) return 0;
    if (action) {
        struct sigaction copy = *action;
        sigdelset(&copy.sa_mask, SIGTRAP);
        return real(signal, &copy, old);
    }
    return real(signal, action, old);
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old) {
    static int (*real)(int, const sigset_t *, sigset_t *);
    if (!real) real = dlsym(RTLD_NEXT, "pthread_sigmask");
    if (set && how != SIG_UNBLOCK) {
        sigset_t copy = *set;
        sigdelset(&copy, SIGTRAP);
        return real(how, &copy, old);
    }
    return real(how, set, old);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old) { return pthread_sigmask(how, set, old); }

__attribute__((constructor)) static void start(void) {
    const char *wanted = getenv("HAILUO_TRACE_EXE"), *entries = getenv("HAILUO_TRACE_ENTRIES"),
               *prefix = getenv("HAILUO_TRACE_OUT");
    if (!wanted || !entries || !prefix) return;
    char exe[4096];
    ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (length <= 0) return;
    exe[length] = 0;
    char *real = realpath(wanted, NULL);
    if (!real || strcmp(real, exe) != 0) { free(real); return; }
    free(real);

    // Where the executable is mapped: its first mapping (load address) and its code.
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps) return;
    char line[8192];
    while (fgets(line, sizeof line, maps)) {
        unsigned long low, high, offset;
        char permissions[8], path[4096] = "";
        if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %4095s", &low, &high, permissions, &offset, path) < 4) continue;
        if (strcmp(path, exe) != 0) continue;
        if (offset == 0 && !base) base = low;
        if (permissions[2] == 'x') { textStart = low; textEnd = high; }
    }
    fclose(maps);
    if (!base || !textStart) return;

    // The functions: "address name" lines.
    int file = open(entries, O_RDONLY);
    struct stat status;
    if (file < 0 || fstat(file, &status) != 0) return;
    char *text = malloc(status.st_size + 1);
    long got = 0;
    while (got < status.st_size) {
        ssize_t n = read(file, text + got, status.st_size - got);
        if (n <= 0) break;
        got += n;
    }
    close(file);
    text[got] = 0;
    long lines = 0;
    for (char *c = text; *c; c++) lines += *c == '\n';
    addresses = malloc(sizeof *addresses * (lines + 1));
    names = malloc(sizeof *names * (lines + 1));
    saved = malloc(lines + 1);
    for (char *c = text; *c;) {
        char *end = strchr(c, '\n');
        if (end) *end = 0;
        char *space = strchr(c, ' ');
        if (space) {
            unsigned long address = strtoul(c, NULL, 16);
            if (base + address >= textStart && base + address < textEnd
                && (count == 0 || addresses[count - 1] != address)) {
                addresses[count] = address;
                names[count] = space + 1;
                count++;
            }
        }
        if (!end) break;
        c = end + 1;
    }

    char name[4200];
    snprintf(name, sizeof name, "%s.%d", prefix, (int)getpid());
    out = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (out < 0) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = trapped;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    int (*install)(int, const struct sigaction *, struct sigaction *) = dlsym(RTLD_NEXT, "sigaction");
    install(SIGTRAP, &action, NULL);
    mprotect((void *)textStart, textEnd - textStart, PROT_READ | PROT_WRITE | PROT_EXEC);
    for (long i = 0; i < count; i++) {
        unsigned char *first = (unsigned char *)(base + addresses[i]);
        saved[i] = *first;
        *first = 0xCC;
    }
}
