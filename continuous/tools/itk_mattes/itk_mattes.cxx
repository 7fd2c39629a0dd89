// ITK 5.2's MattesMutualInformationImageToImageMetricv4 on 2-D double images: identity translation, every voxel
// sampled (dense, no mask), one work unit (so ITK's sums run in voxel order), moving gradients by ITK's own
// default calculator (CentralDifferenceImageFunction, not the Gaussian gradient filter).
//
// stdin, per case: "name width height bins", then a line of the fixed image's width*height values, then the
// moving image's (row-major, x fastest). stdout, per case: "name width height bins value d0 d1", the two image
// lines, then the moving gradient's x and y components at every voxel (the per-voxel term whose composition
// with the PDF derivative gives d0 and d1: J = identity for a translation).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "itkCentralDifferenceImageFunction.h"
#include "itkImage.h"
#include "itkMattesMutualInformationImageToImageMetricv4.h"
#include "itkMultiThreaderBase.h"
#include "itkTranslationTransform.h"

using ImageType = itk::Image<double, 2>;
using MetricType = itk::MattesMutualInformationImageToImageMetricv4<ImageType, ImageType>;

static ImageType::Pointer
makeImage(int w, int h, const std::vector<double> & v)
{
  auto img = ImageType::New();
  ImageType::SizeType size;
  size[0] = w;
  size[1] = h;
  ImageType::RegionType region;
  region.SetSize(size);
  img->SetRegions(region);
  img->Allocate();
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
    {
      ImageType::IndexType idx = { { x, y } };
      img->SetPixel(idx, v[static_cast<size_t>(y) * w + x]);
    }
  return img;
}

static void
printLine(const std::vector<double> & v)
{
  for (size_t i = 0; i < v.size(); ++i)
    std::printf(i ? ",%.17g" : "%.17g", v[i]);
  std::printf("\n");
}

int
main()
{
  itk::MultiThreaderBase::SetGlobalDefaultNumberOfThreads(1);
  std::string name;
  int w, h, bins;
  while (std::cin >> name >> w >> h >> bins)
  {
    const size_t n = static_cast<size_t>(w) * h;
    std::vector<double> f(n), m(n);
    for (auto & x : f) std::cin >> x;
    for (auto & x : m) std::cin >> x;
    auto fixed = makeImage(w, h, f);
    auto moving = makeImage(w, h, m);
    auto tx = itk::TranslationTransform<double, 2>::New();
    tx->SetIdentity();
    auto metric = MetricType::New();
    metric->SetNumberOfHistogramBins(bins);
    metric->SetFixedImage(fixed);
    metric->SetMovingImage(moving);
    metric->SetMovingTransform(tx);
    metric->SetUseMovingImageGradientFilter(false);
    metric->SetUseFixedImageGradientFilter(false);
    metric->SetUseSampledPointSet(false);
    metric->SetMaximumNumberOfWorkUnits(1);
    metric->Initialize();
    MetricType::MeasureType value;
    MetricType::DerivativeType derivative;
    metric->GetValueAndDerivative(value, derivative);
    if (metric->GetNumberOfValidPoints() != n)
    {
      std::cerr << name << ": " << metric->GetNumberOfValidPoints() << " valid points of " << n << "\n";
      return 1;
    }
    // the metric's own default gradient calculator, as Initialize configured it
    auto grad = itk::CentralDifferenceImageFunction<ImageType, double>::New();
    grad->UseImageDirectionOn();
    grad->SetInputImage(moving);
    std::vector<double> gx(n), gy(n);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
      {
        ImageType::IndexType idx = { { x, y } };
        ImageType::PointType p;
        moving->TransformIndexToPhysicalPoint(idx, p);
        auto g = grad->Evaluate(p);
        gx[static_cast<size_t>(y) * w + x] = g[0];
        gy[static_cast<size_t>(y) * w + x] = g[1];
      }
    std::printf("%s\t%d\t%d\t%d\t%.17g\t%.17g\t%.17g\n", name.c_str(), w, h, bins, value, derivative[0],
                derivative[1]);
    printLine(f);
    printLine(m);
    printLine(gx);
    printLine(gy);
  }
  return 0;
}
