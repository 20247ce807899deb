// GNU readline for the `backtalk` executable only. The BackTalk library must
// never import this module: readline is GPL-3 (see the README's Licence).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
