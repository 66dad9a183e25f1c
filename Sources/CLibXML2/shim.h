#ifndef HEAL_CLIBXML2_SHIM_H
#define HEAL_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's headers would pull in the system's ICU, whose declarations clash with the ICU that
   Foundation bundles. heal uses no ICU type (only pointers to encoding handlers, never their
   fields), so the headers are read without it; the library itself is unchanged. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
