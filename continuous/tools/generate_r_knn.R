# Fixtures for KozachenkoLeonenko and MultivariateKsg from R: FNN's entropy (Euclidean Kozachenko-Leonenko),
# FNN's mutinfo (KSG algorithm 1, max-norm, counts including the point itself with psi(n_x)) and parmigene's knnmi
# (its standardisation and seeded noise, then KSG algorithm 2; noise = 0, its default 1e-12, 0.01 and 0.5). Usage: Rscript generate_r_knn.R out.txt  (then gzip)
# Format as GenerateJidtKsg.java: "#data name n dx dy dz" + rows, "#case dataset kind k noise value".
library(FNN)
library(parmigene)
args <- commandArgs(trailingOnly = TRUE)
out <- file(args[1], "w")
fmt <- function(v) sprintf("%.17g", v)
datasets <- list()
add <- function(name, x, y = NULL) {
  x <- as.matrix(x)
  dy <- if (is.null(y)) 0 else ncol(as.matrix(y))
  writeLines(paste("#data", name, nrow(x), ncol(x), dy, 0, sep = "\t"), out)
  rows <- if (is.null(y)) x else cbind(x, as.matrix(y))
  writeLines(apply(rows, 1, function(r) paste(fmt(r), collapse = "\t")), out)
  datasets[[name]] <<- list(x = x, y = y)
}
case <- function(name, kind, k, value, noise = 0) {
  writeLines(paste("#case", name, kind, k, noise, fmt(value), sep = "\t"), out)
}
set.seed(20260)
n <- 500; add("h1_gauss500", rnorm(n))
n <- 1000; z <- matrix(rnorm(2 * n), n); add("h2_gauss1000", cbind(z[, 1], 0.8 * z[, 1] + 0.6 * z[, 2]))
n <- 300; add("h3_unif300", matrix(runif(3 * n), n))
n <- 2000; add("h5_gauss2000", matrix(rnorm(5 * n), n) %*% diag(c(1, 2, 0.5, 3, 1)))
n <- 400; x <- rnorm(n); add("m1_gauss400", x, 0.6 * x + 0.8 * rnorm(n))
n <- 3000; x <- rexp(n); add("m2_exp3000", x, log(x) + rnorm(n, sd = 0.3))
n <- 300; x <- matrix(rnorm(2 * n), n); add("m3_gauss300_21", x, x[, 1] - x[, 2] + rnorm(n))
for (name in c("h1_gauss500", "h2_gauss1000", "h3_unif300", "h5_gauss2000")) {
  h <- entropy(datasets[[name]]$x, k = 5, algorithm = "brute")
  for (k in 1:5) case(name, "fnn_entropy", k, h[k])
}
for (name in c("m1_gauss400", "m2_exp3000", "m3_gauss300_21")) {
  d <- datasets[[name]]
  for (k in c(1, 3, 5)) case(name, "fnn_mutinfo", k, mutinfo(d$x, d$y, k = k))
  if (ncol(d$x) == 1) {
    for (k in c(2, 3, 6)) {
      for (noise in c(0, 1e-12, 0.01, 0.5)) {
        case(name, "parmigene_knnmi", k, knnmi(as.vector(d$x), as.vector(d$y), k = k, noise = noise), noise)
      }
    }
  }
}
close(out)
cat("FNN", format(packageVersion("FNN")), "parmigene", format(packageVersion("parmigene")), "\n")
