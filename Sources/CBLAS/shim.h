// OpenBLAS's CBLAS from Debian's libopenblas-dev (`/usr/include/<triplet>/cblas.h`).
#include <cblas.h>

// OpenBLAS extensions; declared here so the shim does not depend on which
// cblas.h the alternatives system points at.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_corename(void);
char *openblas_get_config(void);
