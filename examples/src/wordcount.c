/* Counts whitespace-separated words in a string, in C. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <ctype.h>

static PyObject *count(PyObject *self, PyObject *args) {
    const char *text;
    if (!PyArg_ParseTuple(args, "s", &text)) return NULL;
    long words = 0;
    int in_word = 0;
    for (const char *p = text; *p; p++) {
        if (isspace((unsigned char)*p)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    return PyLong_FromLong(words);
}

static PyMethodDef methods[] = {
    {"count", count, METH_VARARGS, "Count the words in a string."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "wordcount", NULL, -1, methods};

PyMODINIT_FUNC PyInit_wordcount(void) { return PyModule_Create(&module); }
