#pragma once
// Precompiled header of flame_training: the Torch API every training source uses. Only sources
// of this library see it (PRIVATE), so nothing outside training/ pays for <torch/torch.h>.
#include <torch/torch.h>
